import {
  coreServices,
  createServiceFactory,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';

/**
 * A scheduler for tests: every task runs once when the backend starts, and
 * after that only when the test calls `trigger(id)`.
 */
export function manualScheduler() {
  const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
  const abort = new AbortController();
  const run = (id: string) => {
    const task = tasks.get(id);
    if (!task) throw new Error(`No task ${id}; known: ${[...tasks.keys()].join(', ')}`);
    return Promise.resolve(task.fn(abort.signal));
  };
  const factory = createServiceFactory({
    service: coreServices.scheduler,
    deps: { lifecycle: coreServices.lifecycle },
    factory({ lifecycle }) {
      lifecycle.addStartupHook(async () => {
        await Promise.all([...tasks.keys()].map(run));
      });
      lifecycle.addShutdownHook(() => abort.abort());
      const scheduler: Partial<SchedulerService> = {
        async scheduleTask(task) {
          tasks.set(task.id, task);
        },
      };
      return scheduler as SchedulerService;
    },
  });
  return { factory, trigger: run };
}
