import { registryState, type Registry } from '../Registry';
import { drawsOf } from './RegistryState';
import { groupOf } from './Application';

/**
 * The draws an application has entered so far (docs/spec.md §16.3: its counted draws, plus its
 * current run while in the pool; a winner's count includes the draw it won), or undefined when
 * the registry holds no application with code value `code`.
 */
export function drawsEntered(registry: Registry, code: number): number | undefined {
  const state = registryState(registry);
  const app = state.store.get(code);
  return app === undefined ? undefined : drawsOf(app, state.held[groupOf(app.kind)]!).total;
}

/** Applications in the pool (every pool group, every period), from the counts the registry keeps: no visit of the applications. */
export function inPoolCount(registry: Registry): number {
  let n = 0;
  for (const counts of registryState(registry).inPool) for (const count of counts.values()) n += count;
  return n;
}
