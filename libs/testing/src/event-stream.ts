/** One server-sent event as a test reads it: its `event:` name (`message` without one) and its JSON `data:`. */
export interface ServerSentEvent {
  event: string;
  data: Record<string, unknown>;
}

/**
 * Opens a server-sent-event stream (a grid worker's tickets, a holder's staff notifications)
 * and reads it in the background: `events` fills as they come, `opened` settles with the
 * response once the headers are in, `close` ends it.
 */
export function listenToEventStream(url: string, token: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const events: ServerSentEvent[] = [];
  const opened = fetch(url, { headers: { authorization: `Bearer ${token}`, ...headers }, signal: controller.signal }).then((response) => {
    const reader = response.body!.getReader();
    let buffer = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += Buffer.from(value!).toString('utf8');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    })();
    return response;
  });
  return { opened, events, close: () => controller.abort() };
}
