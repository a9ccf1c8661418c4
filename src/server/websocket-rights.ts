import type { WebSocket } from "ws";
import type { Actor } from "../core/actor.js";
import { classifyDatabaseError } from "../db/faults.js";
import { AuthenticationError } from "../domain/auth/tokens.js";
import type { PubSubLog } from "../pubsub/pubsub.js";

/** graphql-ws's close code for a connection whose rights are gone (token revoked or expired, user disabled, role changed). */
export const CLOSE_FORBIDDEN = 4403;
/** Close code when the rights could not be checked again (database away): "try again later", the client reconnects and resumes. */
const CLOSE_TRY_AGAIN_LATER = 1013;

/**
 * The rights one authenticated connection holds, checked again whenever they may have changed: at
 * every operation start, and when a live event says its user (or one of their tokens) changed.
 * Events wait for the check in progress before they are delivered, so a socket never carries an
 * event past the moment its user lost the right to it.
 */
export class ConnectionRights {
  /** The last check, or the one in progress: true while the connection keeps its rights. */
  private check: Promise<boolean> = Promise.resolve(true);
  private revoked = false;

  constructor(
    /** The Authorization value the connection was opened with. */
    private readonly header: string,
    readonly viewer: Actor,
    private expiresAt: Date | null,
    private readonly socket: WebSocket,
    private readonly reauthenticate: (header: string) => Promise<{ viewer: Actor; expiresAt: Date | null }>,
    private readonly log: PubSubLog,
  ) {}

  /** Checks the token, user and role again (after any check already under way); false once the connection was closed for it. */
  recheck(): Promise<boolean> {
    this.check = this.check.then((held) => (held ? this.verify() : false));
    return this.check;
  }

  /** Whether the connection still holds its rights now: waits for a check under way, and honours the token's expiry to the instant. */
  async admitted(): Promise<boolean> {
    const held = await this.check;
    if (!held) return false;
    if (this.expiresAt && this.expiresAt.getTime() <= Date.now()) return this.revoke("the bearer token has expired");
    return true;
  }

  private async verify(): Promise<boolean> {
    if (this.revoked) return false;
    try {
      const now = await this.reauthenticate(this.header);
      const same = now.viewer.userId === this.viewer.userId && now.viewer.tokenId === this.viewer.tokenId && now.viewer.role === this.viewer.role;
      if (!same) return this.revoke(`the user's role is now ${now.viewer.role}, not ${this.viewer.role}`);
      this.expiresAt = now.expiresAt;
      return true;
    } catch (error) {
      if (error instanceof AuthenticationError) return this.revoke(error.message);
      // The rights could not be read (database away): fail closed, the client reconnects and
      // resumes with lastEventId once the database answers.
      this.log.warn({ err: error, fault: classifyDatabaseError(error), tokenId: this.viewer.tokenId }, "websocket connection closed: its rights could not be checked again");
      this.revoked = true;
      this.socket.close(CLOSE_TRY_AGAIN_LATER, "Could not check the connection's token: reconnect");
      return false;
    }
  }

  private revoke(reason: string): false {
    if (!this.revoked) {
      this.revoked = true;
      this.log.warn({ tokenId: this.viewer.tokenId, userId: this.viewer.userId, reason }, "websocket connection closed: its rights changed");
      // The reason the client reads is generic, like HTTP's 401: close frames reach whoever holds the socket.
      this.socket.close(CLOSE_FORBIDDEN, "Forbidden: the token, its user or their role changed; reconnect with a valid token");
    }
    return false;
  }

  /** The user whose changes this connection must hear about. */
  get userId(): string | null {
    return this.viewer.userId;
  }
}
