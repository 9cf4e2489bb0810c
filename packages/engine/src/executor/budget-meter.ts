import type { Budget } from '@reps/shared';
import type { Usage } from '../models/types.js';
import { emptyUsage, type UsageTotals } from '../trace/trace-types.js';
import { budgetExceeded } from './step-failure.js';
import type { CancelScope } from './virtual-scheduler.js';

/**
 * Counts a case's calls, tokens and cost against its budget. Calls are counted when they start
 * (so max_calls is never overshot); tokens and cost when they end. Exceeding stops the whole case.
 */
export class BudgetMeter {
  readonly usage: UsageTotals = emptyUsage();

  constructor(
    private readonly budget: Budget,
    private readonly root: CancelScope,
  ) {}

  beforeCall(): void {
    const { max_calls, max_tokens, max_cost_usd } = this.budget;
    if (max_calls !== undefined && this.usage.calls >= max_calls)
      this.stop(`the case needs more than max_calls = ${max_calls} model calls`);
    if (max_tokens !== undefined && this.tokens() >= max_tokens)
      this.stop(`the case used all of max_tokens = ${max_tokens}`);
    if (max_cost_usd !== undefined && this.usage.cost_usd >= max_cost_usd)
      this.stop(`the case used all of max_cost_usd = $${max_cost_usd}`);
    this.usage.calls++;
  }

  afterCall(usage: Usage | undefined, cost: number | undefined): void {
    this.usage.input_tokens += usage?.input_tokens ?? 0;
    this.usage.output_tokens += usage?.output_tokens ?? 0;
    this.usage.cost_usd += cost ?? 0;
    const { max_tokens, max_cost_usd } = this.budget;
    if (max_tokens !== undefined && this.tokens() > max_tokens)
      this.stop(`the case used ${this.tokens()} tokens, over max_tokens = ${max_tokens}`);
    if (max_cost_usd !== undefined && this.usage.cost_usd > max_cost_usd)
      this.stop(`the case cost $${this.usage.cost_usd.toFixed(6)}, over max_cost_usd = $${max_cost_usd}`);
  }

  stop(message: string): never {
    const failure = budgetExceeded(message);
    this.root.cancel(failure);
    throw failure;
  }

  private tokens(): number {
    return this.usage.input_tokens + this.usage.output_tokens;
  }
}
