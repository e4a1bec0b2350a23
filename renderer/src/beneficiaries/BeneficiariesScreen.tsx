/** The registry screen: search, profile, create and edit, one at a time. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { LookupPanel } from './LookupPanel';
import { ProfileView } from './ProfileView';
import { BeneficiaryForm } from './BeneficiaryForm';

type View = { mode: 'search' } | { mode: 'profile'; id: string } | { mode: 'create' } | { mode: 'edit'; id: string };

function EditLoader({ id, onDone, onOpen }: { id: string; onDone: () => void; onOpen: (id: string) => void }) {
  const query = useQuery({ queryKey: ['beneficiaries', 'get', id], queryFn: () => unwrap(api().beneficiaries.get({ id })) });
  if (!query.data) return null;
  return <BeneficiaryForm existing={query.data} onSaved={onDone} onCancel={onDone} onOpen={onOpen} />;
}

export function BeneficiariesScreen() {
  const [view, setView] = useState<View>({ mode: 'search' });
  const open = (id: string) => setView({ mode: 'profile', id });

  switch (view.mode) {
    case 'search':
      return <LookupPanel onOpen={open} onCreate={() => setView({ mode: 'create' })} />;
    case 'profile':
      return <ProfileView key={view.id} id={view.id} onEdit={() => setView({ mode: 'edit', id: view.id })} onBack={() => setView({ mode: 'search' })} />;
    case 'create':
      return <BeneficiaryForm onSaved={(b) => open(b.id)} onCancel={() => setView({ mode: 'search' })} onOpen={open} />;
    case 'edit':
      return <EditLoader key={view.id} id={view.id} onDone={() => open(view.id)} onOpen={open} />;
  }
}
