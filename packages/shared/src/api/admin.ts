import { z } from 'zod';
import { roleSchema } from './auth.js';

export const adminUsersQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const setRoleRequestSchema = z.strictObject({ role: roleSchema });

export interface AdminUserList {
  items: AdminUserRow[];
  /** Users matching the search, all pages together. */
  total: number;
}

export interface AdminUserRow {
  id: string;
  email: string;
  handle: string;
  display_name: string;
  role: string;
  created_at: string;
  submissions: number;
}
