/**
 * botbuilder's token validation writes to the console when it rejects a token (a stack trace for an
 * expired token, the whole PEM key for a bad signature). Anyone can send such tokens, so that would let
 * them flood the log. While a validation is in flight, console writes are dropped — the route logs one
 * line of its own for every rejection.
 *
 * A counter rather than AsyncLocalStorage: on Node 20 an active AsyncLocalStorage turns on promise hooks
 * for the whole process, which costs every turn noticeably. The product itself never writes to the
 * console (pino writes to stdout directly), so what a concurrent validation may swallow is library chatter.
 */
let inFlight = 0;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      if (inFlight > 0) return;
      original.apply(console, args);
    };
  }
}

export async function quietly<T>(work: () => Promise<T>): Promise<T> {
  install();
  inFlight++;
  try {
    return await work();
  } finally {
    inFlight--;
  }
}
