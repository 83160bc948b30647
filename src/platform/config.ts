import path from 'node:path';
import type { LockoutPolicy } from '../domain/auth/lockout.ts';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  adminPassword: string | null;
  demo: boolean;
  sessionHours: number;
  /** Login failure rules, see src/domain/auth/lockout.ts. */
  lockout: LockoutPolicy;
  loginRateLimitPerMinute: number;
  logLevel: string;
  /** Trust X-Forwarded-For only behind a known proxy; otherwise clients could fake their IP past the rate limit. */
  trustProxy: boolean;
  /** SMTP server for e-mail notifications (smtp://user:pass@host:port); null sends no e-mail. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Address people reach the web UI at: links in e-mails and the nameplate QR codes point here. */
  publicUrl: string;
  /** Largest upload accepted, per file (the type limits in tickets may be lower). */
  maxUploadMb: number;
};

const intFrom = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return {
    port: intFrom('PORT', env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl,
    adminPassword: env.AFTERSALES_ADMIN_PASSWORD || null,
    demo: env.AFTERSALES_DEMO === '1',
    sessionHours: intFrom('AFTERSALES_SESSION_HOURS', env.AFTERSALES_SESSION_HOURS, 12),
    lockout: {
      freeFailures: intFrom('AFTERSALES_LOGIN_FREE_FAILURES', env.AFTERSALES_LOGIN_FREE_FAILURES, 5),
      firstDelayMs: intFrom('AFTERSALES_LOGIN_DELAY_SECONDS', env.AFTERSALES_LOGIN_DELAY_SECONDS, 30) * 1000,
      maxDelayMs:
        intFrom('AFTERSALES_LOGIN_DELAY_MAX_MINUTES', env.AFTERSALES_LOGIN_DELAY_MAX_MINUTES, 15) * 60_000,
      lockFailures: intFrom('AFTERSALES_LOCKOUT_FAILURES', env.AFTERSALES_LOCKOUT_FAILURES, 50),
      lockSources: intFrom('AFTERSALES_LOCKOUT_SOURCES', env.AFTERSALES_LOCKOUT_SOURCES, 5),
      windowMs:
        intFrom('AFTERSALES_LOCKOUT_WINDOW_MINUTES', env.AFTERSALES_LOCKOUT_WINDOW_MINUTES, 60) * 60_000,
      lockMs: intFrom('AFTERSALES_LOCKOUT_MINUTES', env.AFTERSALES_LOCKOUT_MINUTES, 15) * 60_000,
    },
    loginRateLimitPerMinute: intFrom('AFTERSALES_LOGIN_RATE_LIMIT', env.AFTERSALES_LOGIN_RATE_LIMIT, 30),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.AFTERSALES_TRUST_PROXY === '1',
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM || 'Aftersales <noreply@localhost>',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
    maxUploadMb: intFrom('AFTERSALES_MAX_UPLOAD_MB', env.AFTERSALES_MAX_UPLOAD_MB, 100),
  };
};
