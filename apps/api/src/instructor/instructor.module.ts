import { Module } from '@nestjs/common';
import { GradingCoreModule } from '../grading/grading-core.module.js';
import { InstructorController } from './instructor.controller.js';
import { InstructorService } from './instructor.service.js';

@Module({ imports: [GradingCoreModule], controllers: [InstructorController], providers: [InstructorService] })
export class InstructorModule {}
