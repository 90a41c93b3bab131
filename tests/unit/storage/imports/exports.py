"""Small exports in each app's format, written for these tests (no real person's data)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.storage.imports.names_file import load_exercise_names
from app.storage.imports.read_export import ImportPreview, read_export

TODAY = date(2026, 6, 30)
USES_BOX = frozenset({"hands-elevated-push-up"})

STRONG_CLASSIC = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    '2025-09-10 16:55:41,"Evening",22m,"Bench Press (Barbell)",1,60,8.0,0,0.0,"","",\n'
    '2025-09-10 16:55:41,"Evening",22m,"Push Up",W,0,5.0,0,0.0,"",,\n'
    '2025-09-10 16:55:41,"Evening",22m,"Push Up",1,0,12.0,0,0.0,,,8\n'
    '2025-09-10 16:55:41,"Evening",22m,"Push Up",Rest Timer,0,0.0,0,90.0,,,\n'
    '2025-09-10 16:55:41,"Evening",22m,"Push Up",2,0,11.0,0,0.0,,,9.5\n'
    '2025-09-10 16:55:41,"Evening",22m,"Push Up",F,0,9.0,0,0.0,,,\n'
    '2025-09-10 16:55:41,"Evening",22m,"Diamond Push Up",D,0,6.0,0,0.0,,,\n'
    '2025-09-12 07:01:02,"Morning",1h 3m,"Push Up",1,15.0,8.0,0,0.0,"vest","",\n'
    '2025-09-12 07:01:02,"Morning",1h 3m,"Pike Push Up",1,0,8.0,0,0.0,"","",'
)
STRONG_10 = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
    '2023-01-16 16:46:08,"Upper",57m,"Wide Push Ups",1,0,18.0,0,0.0,\n'
    '2023-01-16 16:46:08,"Upper",57m,"Wide Push Ups",2,0,15.0,0,0.0,\n'
)
STRONG_V6 = (
    '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";'
    '"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"\n'
    '"3";"2024-04-09 13:06:16";"Home";"3299";"Push Up";"Note";"";"";"";"";"";"slow down";""\n'
    '"3";"2024-04-09 13:06:16";"Home";"3299";"Push Up";"1";"0.0";"8";"";"";"";"";""\n'
    '"3";"2024-04-09 13:06:16";"Home";"3299";"Push Up";"Rest Timer";"";"";"";"";"120.0";"";""\n'
    '"3";"2024-04-09 13:06:16";"Home";"3299";"Push Up";"2";"10.0";"6";"7";"";"";"";""\n'
    '"3";"2024-04-09 13:06:16";"Home";"3299";"Incline Push Up";"1";"";"12";"";"";"";"";""'
)
# Strong with the phone set to German, French or Chinese: the column names change, not the cells.
STRONG_GERMAN = (
    "Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.,Entfernung,"
    "Sekunden,Notizen,Workout-Notizen,RPE\n"
    '2021-03-02 18:10:00,"Abends",31min,"Push Up",1,0,14,0,0,"","",\n'
    '2021-03-02 18:10:00,"Abends",31min,"Push Up",2,0.0,12,0,0,,,8.5\n'
    '2021-03-02 18:10:00,"Abends",31min,"Kniebeuge",1,40.0,10,0,0,"",,\n'
)
STRONG_FRENCH = (
    "Date,Nom de l'entraînement,Durée,Nom de l'exercice,Ordre de la série,Poids,Réps,Distance,"
    "Secondes,Notes,Notes d'entraînement,RPE\n"
    '2022-05-14 07:30:00,"Matin",20m,"Push Up",W,0,6,0,0,"","",\n'
    '2022-05-14 07:30:00,"Matin",20m,"Push Up",1,10,8,0,0,,,\n'
)
STRONG_CHINESE = (
    "日期,锻炼名称,时长,运动名称,设置顺序,重量,次,距离,秒,备注,锻炼备注,RPE\n"
    '2020-10-02 06:00:00,"1.Push",1小时5分钟,"Push Up",1,0,20,0,0,"","星期五",\n'
    '2020-10-02 06:00:00,"1.Push",1小时5分钟,"Push Up",2,0,18,0,0,,,\n'
)
HEVY_KG = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\r\n'
    '"Push B","28 Jan 2026, 17:26","28 Jan 2026, 17:57","","Push Up",,"",0,"warmup",,8,,,\r\n'
    '"Push B","28 Jan 2026, 17:26","28 Jan 2026, 17:57","","Push Up",0,"",1,"normal",,15,,,8\n'
    '"Push B","28 Jan 2026, 17:26","28 Jan 2026, 17:57","","Push Up",0,"",2,"failure",,12,,,\r\n'
    '"Push B","28 Jan 2026, 17:26","28 Jan 2026, 17:57","","Kneeling Push Up",,"",0,'
    '"dropset",,10,,,\n'
    '"Push B","28 Jan 2026, 17:26","28 Jan 2026, 17:57","","Cable Fly",,"",0,"normal",41,12,,,\r\n'
    '"Legs","1 Feb 2026, 09:00","1 Feb 2026, 10:00","","Plank Pushup",,"",0,"normal",,20,,,'
)
# Hevy on a phone in Turkish: the months in Turkish, the names as the person typed them.
HEVY_TURKISH = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\n'
    '"Akşam 💪","18 Eyl 2023, 07:57","18 Eyl 2023, 08:40","","Push Up",,"",0,"normal",,16,,,\n'
    '"Akşam 💪","18 Eyl 2023, 07:57","18 Eyl 2023, 08:40","","Push Up",,"",1,"normal",,14,,,\n'
    '"Sabah","2 Şub 2024, 06:30","2 Şub 2024, 07:00","","Incline Push Up",,"",0,"normal",,10,,,\n'
)
HEVY_US_LBS = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_lbs","reps","distance_km",'
    '"duration_seconds","rpe"\n'
    '"Hotel","Sep 23, 2025, 7:26 AM","Sep 23, 2025, 8:01 AM","","Push Up",,"",0,"normal",,12,,,6\n'
    '"Hotel","Sep 23, 2025, 7:26 AM","Sep 23, 2025, 8:01 AM","","Push Up",,"",1,"normal",25,6,,,\n'
    '"Late","Sep 24, 2025, 12:05 PM","Sep 24, 2025, 1:00 PM","","Incline Push Ups",,"",0,'
    '"normal",,14,,,\n'
    '"Night","Sep 25, 2025, 12:30 AM","Sep 25, 2025, 1:00 AM","","Push Up",,"",0,"normal",,9,,,\n'
)
FITNOTES_LBS = (
    "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time\n"
    "2017-06-23,Pushups,Chest,0.0,22,,,\n"
    "2017-06-23,Pushups,Chest,21.0,10,,,\n"
    "2017-06-23,Incline Pushups,Chest,0.0,15,,,\n"
    "2017-06-23,Burpees - Pushup,Cardio,0.0,10,,,0:09:21\n"
    "2017-06-24,Running,Cardio,,,3.1,mi,0:30:00\n"
)
FITNOTES_UNIT = (
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
    '2022-10-24,Push-up,Body,1.0,lbs,20,,,,""\n'
    '2022-10-24,Push-up,Body,1.0,lbs,18,,,,""\n'
    '2022-10-24,Tricep Push Up,Body,5.0,kgs,8,,,,""\n'
    '2022-10-24,Decline Push-up,Body,1.0,lbs,10,,,,""\n'
)
FITBOD = (
    "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,"
    "multiplier\n"
    "2021-12-25 20:37:21 +0000,Push Up on Knees, 14,0.0,0.0,0.0,0.0,0.0,false,, 1.0\n"
    "2021-12-25 20:37:21 +0000,Push Up on Knees, 14,0.0,0.0,0.0,0.0,0.0,false,, 1.0\n"
    "2021-12-25 20:37:21 +0000,Incline Push Up, 10,0.0,0.0,0.0,0.0,0.0,true,, 1.0\n"
    "2021-12-25 20:37:21 +0000,Decline Push Up, 12,0.0,0.0,0.0,0.0,0.0,false,, 1.0\n"
    "2021-12-26 06:00:00 -0500,Push Up, 20,0.0,0.0,0.0,0.0,0.0,false,, 1.0\n"
    "2021-12-26 06:00:00 -0500,Dumbbell Front Raise, 5,7.937875915123695,0.0,0.0,0.0,0.0,"
    "false,, 2.0\n"
)


def write(tmp_path: Path, text: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return path


def preview(tmp_path: Path, text: str) -> ImportPreview:
    return read_export(write(tmp_path, text), load_exercise_names(), USES_BOX, TODAY)
