// A conditional logit (softmax over one quote's candidates), trained by full-batch Adam with an L2
// penalty. Plain TypeScript: a few dozen lines, no dependency, deterministic.

/** One quote's candidates as feature vectors, and which of them the key counts right. */
export interface Group {
  readonly vectors: readonly (readonly number[])[];
  readonly right: readonly boolean[];
}

export interface RankerOptions {
  readonly epochs?: number;
  readonly l2?: number;
  readonly rate?: number;
}

const dot = (weights: readonly number[], vector: readonly number[]): number => vector.reduce((sum, value, i) => sum + value * (weights[i] as number), 0);

function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

/** Weights that maximise the probability of the right candidates (their summed probability) of each group. */
export function trainRanker(groups: readonly Group[], width: number, options: RankerOptions = {}): number[] {
  const { epochs = 400, l2 = 0.002, rate = 0.05 } = options;
  const usable = groups.filter((group) => group.right.some(Boolean) && group.right.some((value) => !value));
  const weights = new Array<number>(width).fill(0);
  const m = new Array<number>(width).fill(0);
  const v = new Array<number>(width).fill(0);
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    const gradient = weights.map((weight) => l2 * weight);
    for (const group of usable) {
      const p = softmax(group.vectors.map((vector) => dot(weights, vector)));
      const rightMass = p.reduce((sum, value, i) => sum + (group.right[i] ? value : 0), 0);
      // d(-log sum_right p)/dw = E_p[x] - E_{p | right}[x]
      group.vectors.forEach((vector, i) => {
        const coefficient = (p[i] as number) - (group.right[i] ? (p[i] as number) / rightMass : 0);
        vector.forEach((value, j) => {
          gradient[j] = (gradient[j] as number) + (coefficient * value) / usable.length;
        });
      });
    }
    gradient.forEach((g, j) => {
      m[j] = 0.9 * (m[j] as number) + 0.1 * g;
      v[j] = 0.999 * (v[j] as number) + 0.001 * g * g;
      const mHat = (m[j] as number) / (1 - 0.9 ** epoch);
      const vHat = (v[j] as number) / (1 - 0.999 ** epoch);
      weights[j] = (weights[j] as number) - (rate * mHat) / (Math.sqrt(vHat) + 1e-8);
    });
  }
  return weights;
}

/** Index of the best-scoring vector (the first on a tie). */
export function pick(weights: readonly number[], vectors: readonly (readonly number[])[]): number {
  let best = 0;
  vectors.forEach((vector, i) => {
    if (dot(weights, vector) > dot(weights, vectors[best] as readonly number[])) best = i;
  });
  return best;
}
