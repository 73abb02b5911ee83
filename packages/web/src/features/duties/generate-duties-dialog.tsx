import type { GenerateDutiesResponse } from '@zongzhi/contracts';
import { Alert, Button, Form, InputNumber, Modal, Progress, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n/i18n';
import { useShowError } from '../../lib/use-show-error';
import { generateDuties, useInvalidateDuties } from './duties-api';

/** 生成年度事项: one call that generates a year for the caller's scope, then what it did. */
export const GenerateDutiesDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useI18n();
  const showError = useShowError();
  const invalidate = useInvalidateDuties();
  const [year, setYear] = useState(dayjs().year());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<GenerateDutiesResponse | null>(null);

  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await generateDuties(year));
      await invalidate();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const missingYears = [...new Set(result?.waitingForCalendar.map((w) => w.missingYear) ?? [])];
  return (
    <Modal
      open
      title={t('duties.generateTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose} data-testid="duty-generate-close">
          {result ? t('common.ok') : t('common.cancel')}
        </Button>,
        <Button
          key="run"
          type="primary"
          loading={busy}
          onClick={() => void run()}
          data-testid="duty-generate-submit"
        >
          {t('duties.generate')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('duties.generateHint')}</Typography.Paragraph>
      <Form layout="inline">
        <Form.Item label={t('duties.generateYear')}>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v !== null && setYear(v)}
            data-testid="duty-generate-year"
          />
        </Form.Item>
      </Form>
      {busy && (
        <div style={{ marginTop: 16 }}>
          <Progress percent={99} status="active" showInfo={false} />
          <Typography.Text type="secondary">{t('duties.generating')}</Typography.Text>
        </div>
      )}
      {result && (
        <Space
          orientation="vertical"
          style={{ width: '100%', marginTop: 16 }}
          data-testid="duty-generate-result"
        >
          <Alert
            type="success"
            showIcon
            title={t('duties.generated', {
              year: result.year,
              created: result.created,
              owed: result.owed,
              units: result.units,
            })}
            description={
              result.rulebooks.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {result.rulebooks.map((r) => (
                    <li key={`${r.rulebookId}-${r.version}`}>
                      {t('duties.byRulebook', { id: r.rulebookId, version: r.version, units: r.units })}
                    </li>
                  ))}
                </ul>
              )
            }
          />
          {result.unitsWithoutRulebook > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('duties.withoutRulebook', { count: result.unitsWithoutRulebook })}
            />
          )}
          {result.waitingForCalendar.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('duties.waitingForCalendar', {
                count: result.waitingForCalendar.reduce((n, w) => n + w.unitCount, 0),
                years: missingYears.join('、'),
              })}
            />
          )}
        </Space>
      )}
    </Modal>
  );
};
