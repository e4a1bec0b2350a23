/**
 * Builds the grouped `window.api` object from the channel names and one transport function.
 * The preload passes `ipcRenderer.invoke`; the end-to-end harness passes a Playwright binding.
 * Only the listed channels exist on the object: there is no raw `invoke` to reach for.
 */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

export function buildApi(channels: readonly string[], invoke: Invoke): Record<string, Record<string, (input: unknown) => Promise<unknown>>> {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of channels) {
    const [domain, verb] = name.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (input: unknown) => invoke(name, input);
  }
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze(api);
}
