/**
 * Questions between the content script and a page-world bridge (Quill's, Draft's): DOM events on the
 * editor, carrying strings only (an object's detail would not reach the other world). The bridge
 * answers during the dispatch, since DOM events are dispatched synchronously.
 */
export interface BridgeEvents {
  readonly ask: string;
  readonly answer: string;
}

/** Ask the bridge about `element`: its answer, or undefined when no bridge (or no editor) answered. */
export function askPageWorld<Answer>(element: HTMLElement, events: BridgeEvents, request: object): Answer | undefined {
  const id = crypto.randomUUID();
  let answer: Answer | undefined;
  const listener = (event: Event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    try {
      const parsed = JSON.parse(detail) as { id?: string };
      if (parsed.id === id) answer = parsed as Answer;
    } catch {
      // Not ours.
    }
  };
  element.addEventListener(events.answer, listener);
  element.dispatchEvent(
    new CustomEvent(events.ask, { detail: JSON.stringify({ ...request, id }), bubbles: true, composed: true }),
  );
  element.removeEventListener(events.answer, listener);
  return answer;
}

/** In the page's world: answer each question about an editor; `respond` returns undefined to stay silent. */
export function answerInPageWorld<Request>(
  events: BridgeEvents,
  respond: (target: HTMLElement, request: Request) => object | undefined,
): void {
  window.addEventListener(
    events.ask,
    (event) => {
      const target = event.composedPath()[0];
      const detail = (event as CustomEvent<unknown>).detail;
      if (!(target instanceof HTMLElement) || typeof detail !== 'string') return;
      event.stopImmediatePropagation();
      let request: Request & { id: string };
      try {
        request = JSON.parse(detail) as Request & { id: string };
      } catch {
        return;
      }
      const answer = respond(target, request);
      if (answer)
        target.dispatchEvent(new CustomEvent(events.answer, { detail: JSON.stringify({ ...answer, id: request.id }) }));
    },
    true,
  );
}
