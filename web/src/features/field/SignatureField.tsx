import { SignaturePad } from '../../shared/SignaturePad';

/** The shared signature pad as an antd form control (value: the PNG data URL, null once cleared). */
export function SignatureField({ onChange }: { value?: string | null; onChange?: (value: string | null) => void }) {
  return <SignaturePad onChange={(dataUrl) => onChange?.(dataUrl)} />;
}
