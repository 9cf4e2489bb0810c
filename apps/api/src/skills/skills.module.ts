import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module.js';
import { SkillsService } from './skills.service.js';

/** Learners' saved skills: submissions and runs take a snapshot of them (SkillsService.snapshot). */
@Module({ imports: [ModelsModule], providers: [SkillsService], exports: [SkillsService] })
export class SkillsModule {}
