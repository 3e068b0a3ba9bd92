import { timingSafeEqual } from 'node:crypto';
import type { AuthConfig, TokenRules } from './TokenRules';

/** The authenticated caller. */
export interface Caller {
  user: string;
  rules: TokenRules | 'admin';
}

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Resolves `Authorization: Bearer <token>` to a caller. Returns undefined for a missing or unknown
 * token. The token itself is never stored on the caller (so it cannot leak into logs or errors).
 */
export function authenticate(
  config: AuthConfig,
  header: string | undefined,
): Caller | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const presented = match[1].trim();
  const entries = Object.entries(config.tokens);
  for (let i = 0; i < entries.length; i++) {
    const [token, rules] = entries[i];
    if (safeEqual(token, presented)) {
      const user =
        rules === 'admin'
          ? 'kube-sim:admin'
          : rules.user ?? `system:serviceaccount:default:token-${i}`;
      return { user, rules };
    }
  }
  return undefined;
}
