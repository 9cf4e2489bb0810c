import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';

export const DEVICE_COOKIE = 'reps_device';
export const DEVICE_DAYS = 365;
const DEVICE_MAX_AGE_MS = DEVICE_DAYS * 24 * 3600 * 1000;

/**
 * The "device cookie" (OWASP's defence against distributed lockout): a token set on every successful
 * sign-in that says "this browser has signed in to this account before". It names the account, when
 * it was issued and a random device id, signed with HMAC-SHA256 under a key derived from
 * REPS_SERVER_KEY (HKDF, its own label), so nobody can make one without having signed in:
 * base64url(userId.issuedAtMs.deviceId) "." base64url(mac). It grants no access by itself; the
 * sign-in throttle only lets it skip the account-wide delay (LoginThrottle).
 */
@Injectable()
export class DeviceTokens {
  private readonly key: Buffer;

  constructor(@Inject(CONFIG) config: Config) {
    this.key = Buffer.from(hkdfSync('sha256', config.REPS_SERVER_KEY, 'reps', 'device-cookie', 32));
  }

  /** A new token (with a new device id) for `userId`. */
  issue(userId: string, now = Date.now()): string {
    const payload = Buffer.from(`${userId}.${now}.${randomBytes(12).toString('base64url')}`).toString(
      'base64url',
    );
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /**
   * The device id of `token` when it is genuine, unexpired and names `userId`; otherwise undefined
   * (a token of another account does nothing).
   */
  verify(token: string | undefined, userId: string, now = Date.now()): string | undefined {
    if (!token || token.length > 512) return undefined;
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return undefined;
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const [id, issuedAt, device, more] = Buffer.from(payload, 'base64url').toString('utf8').split('.');
    const issued = Number(issuedAt);
    if (id !== userId || !device || more !== undefined || !Number.isSafeInteger(issued)) return undefined;
    if (issued > now + 60_000 || now - issued > DEVICE_MAX_AGE_MS) return undefined;
    return device;
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }
}

/**
 * Long-lived and httpOnly, sent only to /api/auth (sign-in reads it); kept on sign-out, since it is
 * what recognizes the device next time.
 */
export function deviceCookie(token: string, secure: boolean): string {
  const maxAge = DEVICE_DAYS * 24 * 3600;
  return `${DEVICE_COOKIE}=${token}; Path=/api/auth; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}
