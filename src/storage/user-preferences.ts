/** D1 writes of an account's preferences (its emails' language, new-device notices), each dating the row. */
/** Sets the language of an account's emails. */
export async function updateUserLanguage(db: D1Database, userId: string, language: string, now: string): Promise<void> {
  await db.prepare("UPDATE users SET language = ?1, updated_at = ?2 WHERE id = ?3").bind(language, now, userId).run();
}

/** Turns the new-device notices of an account on or off. */
export async function updateNewDeviceNotices(db: D1Database, userId: string, on: boolean, now: string): Promise<void> {
  await db
    .prepare("UPDATE users SET new_device_notices = ?1, updated_at = ?2 WHERE id = ?3")
    .bind(on ? 1 : 0, now, userId)
    .run();
}
