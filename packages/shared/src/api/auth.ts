import { z } from 'zod';

export const handleSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9_-]{2,32}$/, '2 to 32 letters, digits, _ or -');

export const registerRequestSchema = z.strictObject({
  email: z.email('must be an email address').trim().max(254),
  handle: handleSchema,
  displayName: z.string().trim().min(1).max(80).optional(),
  password: z.string().min(10, 'must be at least 10 characters').max(200),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const loginRequestSchema = z.strictObject({
  /** Email or handle. */
  login: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const roleSchema = z.enum(['learner', 'instructor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  handle: z.string(),
  displayName: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const createTokenRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  /** Days until the token stops working: 1 to 365, default 90. */
  expires_in_days: z.number().int().min(1).max(365).default(90),
});
export type CreateTokenRequest = z.infer<typeof createTokenRequestSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** First characters of the token, to recognise it; the token itself is shown once. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  /** When the token stops working. */
  expiresAt: z.string(),
});
export type ApiTokenView = z.infer<typeof apiTokenSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10, 'must be at least 10 characters').max(200),
});
