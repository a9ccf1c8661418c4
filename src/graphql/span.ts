/** What a TextSpan field resolves from: offsets into the body and the W3C quote selector. */
export interface TextSpanValue {
  readonly start: number;
  readonly end: number;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}
