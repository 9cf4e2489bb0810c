import { Module } from '@nestjs/common';
import { SkillsController } from './skills.controller.js';
import { SkillsModule } from './skills.module.js';

@Module({ imports: [SkillsModule], controllers: [SkillsController] })
export class SkillsHttpModule {}
