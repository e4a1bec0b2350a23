/** The compact dashboard for the counter itself: this counter's queue and satisfaction today. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { DashboardTiles } from './DashboardScreen';

export function CounterStrip() {
  const session = useQuery({ queryKey: ['session'], queryFn: () => unwrap(api().session.current({})) });
  const counterId = session.data?.counter.id;
  return counterId ? <DashboardTiles counterId={counterId} compact /> : null;
}
