import { Spin } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n/i18n';

/**
 * The otpauth:// URI of a TOTP secret as a QR code, drawn in the browser: the secret never
 * leaves the page for an image service.
 */
export const TotpQr = ({ uri, size = 192 }: { uri: string; size?: number }) => {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(uri, { width: size, margin: 1, errorCorrectionLevel: 'M' })
      .then((url) => live && setSrc(url))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [uri, size]);
  return src ? (
    <img src={src} width={size} height={size} alt={t('account.totpQr')} data-testid="totp-qr" />
  ) : (
    <div style={{ width: size, height: size, display: 'grid', placeItems: 'center' }}>
      <Spin />
    </div>
  );
};
