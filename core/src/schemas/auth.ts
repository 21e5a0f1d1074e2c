import { z } from 'zod';
import { PASSWORD_MIN_LENGTH_FLOOR } from '../policy/accountsPolicy';
import { DATA_SCOPES, PERMISSIONS } from '../permissions';

export const ZLogin = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type TLogin = z.infer<typeof ZLogin>;

export const ZPasswordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH_FLOOR, 'at least 10 characters').max(200),
});

export const ZSessionUser = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  role: z.object({ id: z.number(), key: z.string(), name: z.string(), scope: z.enum(DATA_SCOPES) }),
  permissions: z.array(z.enum(PERMISSIONS)),
  mustChangePassword: z.boolean(),
  /** Two-factor sign-in: enrolled, and whether the role requires it (then the session may only enrol until enabled). */
  twoFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
  /** The company of a customer contact (the portal files requests for it), else null. */
  customerId: z.number().nullable(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZSession = z.object({ user: ZSessionUser, csrfToken: z.string() });
export type TSession = z.infer<typeof ZSession>;

/**
 * Issue 18 item 6: the password was right and the account has two-factor sign-in: no session yet, but a short-lived
 * challenge to send back with a code from the authenticator app (or a recovery code).
 */
export const ZTwoFactorPending = z.object({
  twoFactorRequired: z.literal(true),
  challenge: z.string().describe('Send it back with the code; valid until expiresAt.'),
  expiresAt: z.string(),
});
export type TTwoFactorPending = z.infer<typeof ZTwoFactorPending>;
/** What a password sign-in answers: the session, or the second step. */
export const ZLoginAnswer = z.union([ZSession, ZTwoFactorPending]);
export type TLoginAnswer = z.infer<typeof ZLoginAnswer>;

/** A 6-digit code of the authenticator app, or a recovery code (10 letters and digits, a dash and spaces allowed). */
export const ZTwoFactorCode = z.string().trim().min(6).max(24);
export const ZTwoFactorLogin = z.strictObject({ challenge: z.string().min(16).max(100), code: ZTwoFactorCode });
export type TTwoFactorLogin = z.infer<typeof ZTwoFactorLogin>;
export const ZTwoFactorConfirm = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '6 digits'),
});
export const ZTwoFactorDisable = z.strictObject({ password: z.string().min(1).max(200), code: ZTwoFactorCode });
export type TTwoFactorDisable = z.infer<typeof ZTwoFactorDisable>;
export const ZTwoFactorRegenerate = z.strictObject({ code: ZTwoFactorCode });

export const ZTwoFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  required: z.boolean(),
  recoveryCodesLeft: z.number(),
});
export type TTwoFactorStatus = z.infer<typeof ZTwoFactorStatus>;
export const ZTwoFactorEnrolment = z.object({
  secret: z.string().describe('Base32, for typing into the app by hand'),
  uri: z.string().describe('otpauth:// URI'),
  qr: z.string().describe('The URI as a QR code, a data:image/png URL'),
});
export type TTwoFactorEnrolment = z.infer<typeof ZTwoFactorEnrolment>;
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()).describe('Shown once; only their hashes are kept.') });
export type TRecoveryCodes = z.infer<typeof ZRecoveryCodes>;

export const ZApiTokenCreate = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: z.iso.datetime().optional(),
});
export const ZApiToken = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ZApiTokenCreated = ZApiToken.extend({ token: z.string().describe('Shown once; store it now.') });
export type TPasswordChange = z.infer<typeof ZPasswordChange>;
