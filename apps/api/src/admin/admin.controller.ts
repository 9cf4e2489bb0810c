import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AdminUserList,
  type AdminUserRow,
  adminUsersQuerySchema,
  RepsError,
  setRoleRequestSchema,
} from '@reps/shared';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiZodBody, ApiZodQuery, ZodPipe } from '../common/zod.js';
import { UsersService } from '../users/users.service.js';

@ApiTags('admin')
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly usersService: UsersService,
  ) {}

  @Get('users')
  @ApiOperation({ summary: 'Users, newest first, searchable by email or handle (admins).' })
  @ApiZodQuery(adminUsersQuerySchema)
  async users(
    @Query(new ZodPipe(adminUsersQuerySchema)) query: z.infer<typeof adminUsersQuerySchema>,
  ): Promise<AdminUserList> {
    const match = `$1::text IS NULL OR u.email ILIKE '%' || $1 || '%' OR u.handle ILIKE '%' || $1 || '%'`;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM users u WHERE ${match}`,
      [query.q ?? null],
    );
    const rows = await this.dataSource.query(
      `SELECT u.id, u.email, u.handle, u.display_name, u.role, u.created_at,
              (SELECT count(*)::int FROM submissions s WHERE s.user_id = u.id) AS submissions
         FROM users u
        WHERE ${match}
        ORDER BY u.created_at DESC LIMIT $2 OFFSET $3`,
      [query.q ?? null, query.limit, query.offset],
    );
    return {
      total,
      items: rows.map(
        (r: Record<string, unknown>) =>
          ({ ...r, created_at: (r.created_at as Date).toISOString() }) as AdminUserRow,
      ),
    };
  }

  @Patch('users/:id/role')
  @ApiOperation({ summary: "Changes a user's role (admins; not their own)." })
  @ApiZodBody(setRoleRequestSchema)
  async setRole(
    @CurrentUser() admin: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(setRoleRequestSchema)) body: z.infer<typeof setRoleRequestSchema>,
  ): Promise<{ id: string; role: string }> {
    if (id === admin.id)
      throw new RepsError('validation_failed', 'Admins cannot change their own role; ask another admin.');
    return this.usersService.setRole(id, body.role);
  }
}
