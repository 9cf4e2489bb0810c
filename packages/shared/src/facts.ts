import { z } from 'zod';

/**
 * Ground truth a challenge generator attaches to each case for the simulated models. A pipeline
 * never sees facts; the simulator reads them from the run context to decide what a model "knows".
 */
export const factUnitSchema = z.object({
  /** Unique within the case, e.g. `clause-3`. */
  id: z.string().min(1),
  /** The unit's text as it appears in the case input (a clause, a ticket, a line item …). */
  text: z.string().min(1),
  /** The right answer per aspect, e.g. `{ risk: 'high', type: 'indemnity' }`. */
  answers: z.record(z.string(), z.unknown()),
  /**
   * What else the answer of an aspect rests on, beyond the unit's own text: spans of the input or
   * of the brief (a policy clause, a ledger entry, the second-hop profile, the definitions of a label
   * set), each given as its text. A model answers the aspect from knowledge only when every span is
   * present in its prompt (same presence rule as units); otherwise it guesses (docs/sim.md, rule 3).
   */
  evidence: z.record(z.string(), z.array(z.string().min(1)).max(16)).optional(),
  /**
   * Where a tool-using model can find an evidence span (docs/sim.md, tool use): for each span, the
   * lookups that lead to it, in order. Each lookup names the words a fitting tool's name or
   * description holds (`order`, `policy`, `search` …) and the argument that fetches it (an order id,
   * a query, a document id). A model can pass an argument only once it has seen it: in the prompt,
   * or in an earlier tool result (so a search that lists a document id comes before its fetch).
   */
  sources: z
    .array(
      z.object({
        span: z.string().min(1),
        via: z
          .array(z.object({ words: z.array(z.string().min(1)).min(1), arg: z.string().min(1) }))
          .min(1)
          .max(4),
      }),
    )
    .max(16)
    .optional(),
});
export type FactUnit = z.infer<typeof factUnitSchema>;

/** An aspect a challenge asks about (a field of the output), as the simulator recognises it. */
export const aspectSchema = z.object({
  name: z.string().min(1),
  /** Allowed values for a categorical aspect. */
  values: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** Type of a free-form aspect. */
  type: z.enum(['string', 'number', 'integer', 'boolean', 'array']).optional(),
  /** Other property names meaning the same (e.g. `severity` for `risk`). */
  synonyms: z.array(z.string()).default([]),
  /** Words in a prompt that ask for this aspect (e.g. `risk`, `dangerous`). */
  keywords: z.array(z.string()).default([]),
});
export type Aspect = z.infer<typeof aspectSchema>;
