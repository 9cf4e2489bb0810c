import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Run } from './run.entity.js';
import { RunStore } from './run-store.js';

/** Practice runs' rows, for both entries: the API creates them, the worker records how they end. */
@Module({ imports: [TypeOrmModule.forFeature([Run])], providers: [RunStore], exports: [RunStore] })
export class RunsModule {}
