import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AdminUserList, adminUsersQuerySchema, setRoleRequestSchema } from '@reps/shared';
import type { z } from 'zod';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiZodBody, ApiZodQuery, ZodPipe } from '../common/zod.js';
import { UsersService } from '../users/users.service.js';

@ApiTags('admin')
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(private readonly usersService: UsersService) {}

  @Get('users')
  @ApiOperation({ summary: 'Users, newest first, searchable by email or handle (admins).' })
  @ApiZodQuery(adminUsersQuerySchema)
  users(
    @Query(new ZodPipe(adminUsersQuerySchema)) query: z.infer<typeof adminUsersQuerySchema>,
  ): Promise<AdminUserList> {
    return this.usersService.list(query);
  }

  @Patch('users/:id/role')
  @ApiOperation({ summary: "Changes a user's role (admins; not their own)." })
  @ApiZodBody(setRoleRequestSchema)
  setRole(
    @CurrentUser() admin: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(setRoleRequestSchema)) body: z.infer<typeof setRoleRequestSchema>,
  ): Promise<{ id: string; role: string }> {
    return this.usersService.setRole(admin.id, id, body.role);
  }
}
