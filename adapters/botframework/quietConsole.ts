/**
 * botbuilder's token validation writes to the console when it rejects a token (a stack trace for an
 * expired token, the whole PEM key for a bad signature). Anyone can send such tokens, so that would let
 * them flood the log. Inside `quietly(...)` those console writes are dropped — the route logs one line of
 * its own for every rejection. AsyncLocalStorage keeps this to the validation call: concurrent turns and
 * the rest of the process still write to the console as usual.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<true>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      if (scope.getStore()) return;
      original.apply(console, args);
    };
  }
}

export function quietly<T>(work: () => Promise<T>): Promise<T> {
  install();
  return scope.run(true, work);
}
