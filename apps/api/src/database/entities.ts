import { User } from '../users/user.entity.js';

/** Every TypeORM entity, listed once (ESM builds cannot glob-load them). */
export const entities = [User];
