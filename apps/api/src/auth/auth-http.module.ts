import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Config } from '@reps/shared';
import { RedisThrottlerStorage } from '../common/redis-throttler.storage.js';
import { WriteThrottlerGuard } from '../common/write-throttler.guard.js';
import { CONFIG } from '../config/config.module.js';
import { RedisService } from '../redis/redis.module.js';
import { User } from '../users/user.entity.js';
import { UsersModule } from '../users/users.module.js';
import { ApiToken } from './api-token.entity.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { DeviceTokens } from './device-token.js';
import { LoginThrottle } from './login-throttle.js';
import { Session } from './session.entity.js';
import { SessionCache } from './session-cache.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, Session, ApiToken]),
    UsersModule,
    ThrottlerModule.forRootAsync({
      inject: [CONFIG, RedisService],
      useFactory: (config: Config, redis: RedisService) => ({
        throttlers: [
          { name: 'writes', ttl: 60_000, limit: config.REPS_WRITES_PER_MINUTE, blockDuration: 60_000 },
        ],
        storage: new RedisThrottlerStorage(redis.client, config.REPS_REDIS_PREFIX),
      }),
    }),
  ],
  controllers: [AuthController],
  // Guards run in this order: who the user is first, so the write limit is per user.
  providers: [
    AuthService,
    SessionCache,
    DeviceTokens,
    LoginThrottle,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: WriteThrottlerGuard },
  ],
})
export class AuthHttpModule {}
