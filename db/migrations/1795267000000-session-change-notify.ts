import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifies `game_session_changed` (the session id) when a session changes in a way a callback sees —
 * everything but a touch, which only moves `last_seen_at` forward — and `player_changed` (the player id)
 * when a player is blocked, unblocked or renamed. API processes cache callback sessions and drop an entry
 * on these notifications, whoever made the change.
 */
export class SessionChangeNotify1795267000000 implements MigrationInterface {
  name = 'SessionChangeNotify1795267000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_game_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('game_session_changed', COALESCE(NEW.id, OLD.id)::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER game_session_changed AFTER UPDATE ON game_sessions FOR EACH ROW
      WHEN (NEW.last_seen_at < OLD.last_seen_at
         OR (OLD.status, OLD.close_reason, OLD.token, OLD.game_token, OLD.player_id, OLD.user_id, OLD.operator_id,
             OLD.wallet_mode, OLD.provider_id, OLD.game_id, OLD.currency, OLD.language, OLD.mode)
            IS DISTINCT FROM
            (NEW.status, NEW.close_reason, NEW.token, NEW.game_token, NEW.player_id, NEW.user_id, NEW.operator_id,
             NEW.wallet_mode, NEW.provider_id, NEW.game_id, NEW.currency, NEW.language, NEW.mode))
      EXECUTE FUNCTION notify_game_session_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER game_session_deleted AFTER DELETE ON game_sessions FOR EACH ROW
      EXECUTE FUNCTION notify_game_session_changed()`);
    await queryRunner.query(`
      CREATE FUNCTION notify_player_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('player_changed', COALESCE(NEW.id, OLD.id)::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER player_changed AFTER UPDATE ON players FOR EACH ROW
      WHEN ((OLD.blocked, OLD.nickname) IS DISTINCT FROM (NEW.blocked, NEW.nickname))
      EXECUTE FUNCTION notify_player_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER player_deleted AFTER DELETE ON players FOR EACH ROW
      EXECUTE FUNCTION notify_player_changed()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER player_deleted ON players`);
    await queryRunner.query(`DROP TRIGGER player_changed ON players`);
    await queryRunner.query(`DROP FUNCTION notify_player_changed()`);
    await queryRunner.query(`DROP TRIGGER game_session_deleted ON game_sessions`);
    await queryRunner.query(`DROP TRIGGER game_session_changed ON game_sessions`);
    await queryRunner.query(`DROP FUNCTION notify_game_session_changed()`);
  }
}
