import { Module } from '@nestjs/common';
import { StandingsService } from './standings.service.js';

/**
 * The standings (leaderboard entries, ratings and their history), for the worker when a grading
 * finishes and for instructor/ when a held grading is accepted: the one writer of those tables.
 */
@Module({ providers: [StandingsService], exports: [StandingsService] })
export class LeaderboardsModule {}
