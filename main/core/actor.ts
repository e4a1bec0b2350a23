/** Who is acting and where: every write records it. */
export interface Actor {
  userId: string;
  counterId: string;
  counterCode: string;
}
