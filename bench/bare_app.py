"""The yardstick: a bare Flask app returning a small JSON, served like the real one."""

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/ping")
def ping():
    return jsonify(status="ok", items=[1, 2, 3])
