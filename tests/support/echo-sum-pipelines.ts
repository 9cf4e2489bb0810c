/** Pipelines for the engine's echo-sum fixture with known grades, for tests that need a pass or a fail quickly. */

/** Code does the sum: every case scores 100 at no cost. */
export const EXACT_SUM = `name: exact-sum
budget: { max_calls: 2 }
steps:
  - id: total
    code: return input.numbers.reduce((a, b) => a + b, 0)
  - id: result
    output: "({ sum: total })"
`;

/** Also exact, after a model call: the same correctness for more cost and latency (dominated by EXACT_SUM). */
export const EXACT_SUM_AFTER_A_LOOK = `name: exact-sum-with-a-look
budget: { max_calls: 2 }
steps:
  - id: look
    llm:
      model: sim-mini
      prompt: "{{ input.question }}"
  - id: total
    needs: [look]
    code: return input.numbers.reduce((a, b) => a + b, 0)
  - id: result
    output: "({ sum: total })"
`;

/** Reports the first number only: wrong on every case. */
export const FIRST_NUMBER_ONLY = `name: first-number
budget: { max_calls: 1 }
steps:
  - id: result
    output: "({ sum: input.numbers[0] })"
`;
