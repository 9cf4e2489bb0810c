import { z } from 'zod';

export const MODEL_KEY_PROVIDERS = ['openai', 'anthropic'] as const;
export const modelKeyProviderSchema = z.enum(MODEL_KEY_PROVIDERS);
export type ModelKeyProvider = z.infer<typeof modelKeyProviderSchema>;

export const saveModelKeyRequestSchema = z.strictObject({
  api_key: z
    .string()
    .trim()
    .min(8, 'is too short to be an API key')
    .max(500)
    // Sent in an HTTP header: no spaces, line breaks or other control characters.
    .regex(/^[\x21-\x7e]+$/, 'may hold only visible ASCII characters (no spaces or line breaks)'),
});

export interface ModelKeyView {
  provider: ModelKeyProvider;
  /** The key's last four characters, to recognise it; the key itself is never sent back. */
  hint: string;
  updated_at: string;
}
