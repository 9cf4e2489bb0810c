import type { ModelGateway } from '@reps/engine';

/**
 * Simulated models answer synchronously, so a grading can run as one long chain of microtasks and
 * starve the event loop: BullMQ could not renew its job lock and would hand the job to another
 * worker. This wrapper gives the loop a turn every few milliseconds of work.
 */
export function yieldingGateway(gateway: ModelGateway, everyMs = 20): ModelGateway {
  let last = performance.now();
  return {
    describe: (model) => gateway.describe(model),
    list: () => gateway.list(),
    async complete(request, context) {
      if (performance.now() - last > everyMs) {
        await new Promise((resolve) => setImmediate(resolve));
        last = performance.now();
      }
      return gateway.complete(request, context);
    },
  };
}
