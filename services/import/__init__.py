"""The import service: the housing-system feed (Kafka records and uploaded CSV/XLSX files).

`import` is a Python keyword: modules here import each other relatively, tests load them with
importlib.import_module("services.import.files").
"""
