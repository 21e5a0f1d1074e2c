import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { CameraPhotoInput } from './CameraPhotoInput';

/** A stand-in XMLHttpRequest the test drives: progress, then the server's answer. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  withCredentials = false;
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:preview', revokeObjectURL: () => {} }));
});
afterEach(() => vi.unstubAllGlobals());

describe('camera photo input (FS-6)', { timeout: 20_000 }, () => {
  it('opens the rear camera, shows the upload’s progress with a preview, and hands on the server’s answer', async () => {
    const onUploaded = vi.fn();
    renderAs(<CameraPhotoInput uploadPath="/field/letters/11/photos" fields={{ purpose: 'photo' }} onUploaded={onUploaded} />, {
      path: '/',
      url: '/',
      permissions: ['field.work'],
    });
    const input = screen.getByTestId('photo-input-file') as HTMLInputElement;
    expect(input.getAttribute('accept')).toBe('image/*');
    expect(input.getAttribute('capture')).toBe('environment');
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([0xff, 0xd8, 0xff])], 'site.jpg', { type: 'image/jpeg' })] } });
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/field/letters/11/photos');
    expect(xhr.headers['X-CSRF-Token']).toBe('csrf');
    expect(xhr.body!.get('purpose')).toBe('photo');
    expect((xhr.body!.get('file') as File).name).toBe('site.jpg');
    act(() => xhr.upload.onprogress?.({ lengthComputable: true, loaded: 40, total: 100 }));
    expect(await screen.findByText('40%')).toBeTruthy();
    expect(screen.getByAltText('site.jpg').getAttribute('src')).toBe('blob:preview');
    act(() => xhr.answer(201, { id: 5, purpose: 'photo', fileName: 'site.jpg' }));
    await waitFor(() => expect(onUploaded).toHaveBeenCalledWith({ id: 5, purpose: 'photo', fileName: 'site.jpg' }));
    expect(screen.queryByTestId('photo-pending')).toBeNull();
  });

  it('explains a refused file type (415) and keeps the failed photo marked', async () => {
    renderAs(<CameraPhotoInput uploadPath="/field/letters/11/photos" onUploaded={vi.fn()} />, {
      path: '/',
      url: '/',
      permissions: ['field.work'],
    });
    fireEvent.change(screen.getByTestId('photo-input-file'), {
      target: { files: [new File(['%PDF'], 'doc.pdf', { type: 'application/pdf' })] },
    });
    act(() => FakeXhr.last!.answer(415, { error: { code: 'unsupported_media_type', message: 'Only JPEG, PNG or WebP images' } }));
    expect(await screen.findByText('File type not accepted: Only JPEG, PNG or WebP images')).toBeTruthy();
    expect(screen.getByTestId('photo-pending')).toBeTruthy();
  });
});
