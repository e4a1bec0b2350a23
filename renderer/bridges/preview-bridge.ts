/** Browser preview only: `window.api` over loopback HTTP, each call carrying the run's token. */
import { installApi } from './install-api';

declare const __PREVIEW_TOKEN__: string;

installApi(async (channel, input) => {
  const response = await fetch(`./__preview/invoke/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-preview-token': __PREVIEW_TOKEN__,
      'x-preview-frame': window.top === window ? 'main' : 'sub',
    },
    body: JSON.stringify(input ?? null),
  });
  return response.json();
});
