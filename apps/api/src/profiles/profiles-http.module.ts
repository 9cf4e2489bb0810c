import { Module } from '@nestjs/common';
import { ProfilesController } from './profiles.controller.js';
import { ProofService } from './proof.service.js';

/** Public profiles and the signed proof-of-work records anyone can verify. */
@Module({ controllers: [ProfilesController], providers: [ProofService] })
export class ProfilesHttpModule {}
