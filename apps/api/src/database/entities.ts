import { ApiToken } from '../auth/api-token.entity.js';
import { Session } from '../auth/session.entity.js';
import { ChallengeRow } from '../challenges/challenge.entity.js';
import { ChallengeVersion } from '../challenges/challenge-version.entity.js';
import { Run } from '../runs/run.entity.js';
import { Submission } from '../submissions/submission.entity.js';
import { User } from '../users/user.entity.js';

/** Every TypeORM entity, listed once (ESM builds cannot glob-load them). */
export const entities = [User, Session, ApiToken, ChallengeRow, ChallengeVersion, Run, Submission];
