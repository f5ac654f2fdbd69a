import { z } from "zod";

// bcrypt only looks at the first 72 bytes of a password; longer ones are refused rather than
// silently cut short.
const MAX_PASSWORD_BYTES = 72;

export const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());

export const newPassword = z
  .string()
  .min(12, "Use at least 12 characters")
  .refine((value) => Buffer.byteLength(value, "utf8") <= MAX_PASSWORD_BYTES, {
    message: `Use at most ${MAX_PASSWORD_BYTES} bytes`,
  });

export const registerBody = z.strictObject({ email, password: newPassword });

// No strength rules at login: they apply when a password is chosen, not when it is typed.
export const loginBody = z.strictObject({ email, password: z.string().min(1).max(1024) });

export const refreshTokenBody = z.strictObject({ refreshToken: z.string().min(1).max(512) });
