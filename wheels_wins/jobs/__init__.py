"""Background jobs: maintenance reminders, budget alerts, monthly rollups and audio cache cleanup.

`tasks` holds the bodies, `schedule` when they run. With REDIS_URL they run under Celery
(`celery_app`, beat schedules them); without it the app's in-process `scheduler` runs them.
"""
