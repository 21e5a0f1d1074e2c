import { fireEvent } from '@testing-library/react';

/** Types a date into the shared date picker (web/src/shared/DateInput) and confirms it with Enter, as a person would. */
export function typeDate(input: HTMLElement, text: string) {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}
