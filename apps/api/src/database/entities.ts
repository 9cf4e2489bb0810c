import { ApiToken } from '../auth/api-token.entity.js';
import { Session } from '../auth/session.entity.js';
import { User } from '../users/user.entity.js';

/** Every TypeORM entity, listed once (ESM builds cannot glob-load them). */
export const entities = [User, Session, ApiToken];
