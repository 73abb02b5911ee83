import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import { useShowError } from '../../lib/use-show-error';
import { LetterStatusTag, formatInstant, targetCriterionInput, useCriterion } from './letter-labels';
import {
  type LetterDetail,
  type Signature,
  signLetter,
  useInvalidateLetters,
  useLetter,
  useLetters,
} from './letters-api';

/** 我的待签责任书: the letters whose current version waits for my signature (phone friendly). */
export const MyLettersPage = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const letters = useLetters({ awaitingMe: true, pageSize: 100 });
  return (
    <Card size="small" title={t('letters.mine.title')} data-testid="my-letters">
      {letters.error && <Alert type="error" showIcon title={t('common.networkError')} />}
      <List
        loading={letters.isLoading}
        dataSource={letters.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('letters.mine.empty')} /> }}
        data-testid="my-letters-list"
        renderItem={(l) => (
          <List.Item
            key={l.id}
            onClick={() => navigate(`/my-letters/${l.id}`)}
            style={{ cursor: 'pointer' }}
            data-testid={`my-letter-${l.id}`}
            actions={[
              <Button key="sign" type="primary" size="small" data-testid={`my-letter-open-${l.id}`}>
                {t('letters.mine.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={l.title}
              description={
                <Space wrap size={[8, 2]}>
                  <span>
                    {l.issuerUnitName} → {l.recipientUnitName}
                  </span>
                  <span>{l.issueDate}</span>
                  <LetterStatusTag status={l.status} />
                  <span>{t('letters.signedOf', { signed: l.signedCount, total: l.signatoryCount })}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
};

export const SignatureList = ({ signatures }: { signatures: Signature[] }) => {
  const { t } = useI18n();
  return (
    <List
      size="small"
      dataSource={signatures}
      data-testid="letter-signatures"
      renderItem={(s) => (
        <List.Item key={`${s.party}-${s.personId}`} data-testid={`letter-signature-${s.personId}`}>
          <Space orientation="vertical" size={0} style={{ minWidth: 0, width: '100%' }}>
            <Space wrap size={4}>
              <Tag>{t(`letters.party.${s.party}`)}</Tag>
              <Typography.Text strong>{s.name}</Typography.Text>
              {s.postTitle && <Typography.Text type="secondary">{s.postTitle}</Typography.Text>}
              {s.signedAt ? (
                <Tag color="green">{t('letters.signed')}</Tag>
              ) : (
                <Tag color="red">{t('letters.unsigned')}</Tag>
              )}
            </Space>
            {s.signedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('letters.signatureRecord', { at: formatInstant(s.signedAt), by: s.signedBy ?? '—' })}
              </Typography.Text>
            )}
            {s.hash && (
              <Typography.Text
                code
                copyable
                style={{ fontSize: 11, wordBreak: 'break-all' }}
                data-testid={`letter-signature-hash-${s.personId}`}
              >
                SM3 {s.hash}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
};

/** The letter's text and targets as cards: readable on a 390 px screen. */
export const LetterText = ({ letter }: { letter: LetterDetail }) => {
  const { t } = useI18n();
  const criterion = useCriterion();
  const v = letter.version;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="letter-text">
      <Typography.Title level={4} style={{ textAlign: 'center', marginBottom: 0 }} data-testid="letter-title">
        {v.title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ textAlign: 'center', display: 'block' }}>
        {t('letters.versionN', { version: v.version })} · {letter.issueDate}
      </Typography.Text>
      {v.preamble && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.preamble}</Typography.Paragraph>
      )}
      <List
        size="small"
        bordered
        header={<Typography.Text strong>{t('letters.targets.title.section')}</Typography.Text>}
        dataSource={v.targets}
        data-testid="letter-targets"
        renderItem={(target, i) => (
          <List.Item key={target.key}>
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              <Typography.Text>
                {i + 1}. {target.title}
              </Typography.Text>
              <Space wrap size={[8, 0]}>
                <Tag color={target.kind === 'quantitative' ? 'blue' : 'purple'}>
                  {criterion(targetCriterionInput(target))}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('letters.targets.weightN', { weight: target.weight })}
                </Typography.Text>
                {target.evidence && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('letters.targets.evidenceN', { evidence: target.evidence })}
                  </Typography.Text>
                )}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      {v.responsibilities.map((p) => (
        <Typography.Paragraph key={p} style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
          {p}
        </Typography.Paragraph>
      ))}
    </Space>
  );
};

/** 签署: the principal reads the letter and confirms with the 6-digit code of their authenticator. */
export const SignLetterPage = () => {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const letter = useLetter(Number.isFinite(id) ? id : null);
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateLetters();
  const [form] = Form.useForm<{ totpCode: string }>();
  const [busy, setBusy] = useState(false);
  const [justSigned, setJustSigned] = useState(false);

  if (letter.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (!letter.data) return <Alert type="error" showIcon title={t('app.notFound')} />;
  const l = letter.data;

  const sign = async ({ totpCode }: { totpCode: string }) => {
    setBusy(true);
    try {
      await signLetter(l.id, totpCode.trim());
      setJustSigned(true);
      form.resetFields();
      message.success(t('letters.sign.done'));
      await invalidate();
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="sign-letter">
      <Link to="/my-letters">{t('letters.mine.back')}</Link>
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'issuer', label: t('letters.issuer'), children: l.issuerUnitName },
            { key: 'recipient', label: t('letters.recipient'), children: l.recipientUnitName },
            { key: 'status', label: t('letters.status'), children: <LetterStatusTag status={l.status} /> },
          ]}
        />
        <LetterText letter={l} />
      </Card>
      <Card size="small" title={t('letters.sign.title')} styles={{ body: { padding: 12 } }}>
        {justSigned && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 8 }}
            title={t('letters.sign.done')}
            data-testid="sign-letter-done"
          />
        )}
        {l.awaitingMe ? (
          <Form form={form} layout="vertical" onFinish={(v) => void sign(v)} data-testid="sign-letter-form">
            <Typography.Paragraph type="secondary">{t('letters.sign.hint')}</Typography.Paragraph>
            <Form.Item
              name="totpCode"
              label={t('letters.sign.code')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: /^\d{6}$/, message: t('login.totpFormat') },
              ]}
            >
              <Input
                maxLength={6}
                inputMode="numeric"
                autoComplete="one-time-code"
                size="large"
                style={{ maxWidth: 200, letterSpacing: 4 }}
                data-testid="sign-letter-code"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              icon={<SafetyCertificateOutlined />}
              loading={busy}
              data-testid="sign-letter-submit"
            >
              {t('letters.sign.submit')}
            </Button>
          </Form>
        ) : (
          !justSigned && <Typography.Text type="secondary">{t('letters.sign.notAwaiting')}</Typography.Text>
        )}
        <SignatureList signatures={l.signatures} />
      </Card>
    </Space>
  );
};
