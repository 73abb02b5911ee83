import type { Person } from '@zongzhi/contracts';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { type Page, api } from '../lib/api';
import { useI18n } from '../lib/i18n/i18n';

export type PersonSelectProps = {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  'data-testid'?: string;
};

/** Picks a person in the caller's scope by typing part of the name (GET /people?q=). */
export const PersonSelect = ({ value, onChange, placeholder, ...rest }: PersonSelectProps) => {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Person[]>([]);
  const [busy, setBusy] = useState(false);
  // The chosen person stays labelled when a later search no longer lists them.
  const [picked, setPicked] = useState<Person | null>(null);

  useEffect(() => {
    let live = true;
    setBusy(true);
    const timer = setTimeout(() => {
      api
        .get<Page<Person>>('/people', { q: search.trim(), pageSize: 20 })
        .then((res) => live && setFound(res.items))
        .catch(() => undefined)
        .finally(() => live && setBusy(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);

  // Namesakes are common: gender and birth date tell them apart.
  const describe = (p: Person) =>
    [p.name, p.gender ? t(p.gender === 'male' ? 'people.male' : 'people.female') : null, p.birthDate]
      .filter(Boolean)
      .join(' · ');

  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value ?? undefined}
      onChange={(v) => {
        setPicked(found.find((p) => p.id === v) ?? null);
        onChange?.(v ?? null);
      }}
      placeholder={placeholder ?? t('posts.personPlaceholder')}
      notFoundContent={busy ? <Spin size="small" /> : undefined}
      options={[...found, ...(picked && !found.some((p) => p.id === picked.id) ? [picked] : [])].map((p) => ({
        value: p.id,
        label: describe(p),
        'data-testid': `person-option-${p.id}`,
      }))}
    />
  );
};
