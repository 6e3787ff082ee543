import type { CallOptions, Step } from '../api';

/**
 * LongJob is one piece of long work the user can watch and stop: an
 * import, a report, a backup. run hands the work the options that report
 * its steps here; cancel aborts it (the call then rejects with code
 * "canceled"). A ProgressBar shows it while it runs.
 */
export class LongJob {
  running = $state(false);
  step = $state<Step | null>(null);
  private controller: AbortController | null = null;

  /** run starts the work with this job's options and resolves with its result. */
  async run<T>(work: (opts: CallOptions) => Promise<T>): Promise<T> {
    // Newer work replaces older (a preview asked again): the older stops.
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.running = true;
    this.step = null;
    try {
      return await work({ signal: controller.signal, onProgress: (s) => (this.step = s) });
    } finally {
      if (this.controller === controller) {
        this.controller = null;
        this.running = false;
        this.step = null;
      }
    }
  }

  /** cancel stops the running work; nothing it did is kept. */
  cancel(): void {
    this.controller?.abort();
  }
}
