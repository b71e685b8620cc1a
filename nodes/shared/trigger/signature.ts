import { createHmac, timingSafeEqual } from 'crypto';

/** Upper-case hex HMAC-SHA256 of the raw body (Nexudus' X-Nexudus-Hook-Signature). */
export function hmacHex(rawBody: Buffer | string, secret: string): string {
	return createHmac('sha256', secret).update(rawBody).digest('hex').toUpperCase();
}

/** Constant-time comparison of two secrets or signatures. */
export function sameSecret(expected: string, received: unknown): boolean {
	if (typeof received !== 'string') return false;
	const a = Buffer.from(expected);
	const b = Buffer.from(received.trim());
	return a.length === b.length && timingSafeEqual(a, b);
}
